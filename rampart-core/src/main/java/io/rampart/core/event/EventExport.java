package io.rampart.core.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Streams events as JSON Lines, one object per event and line, in Rampart's own shape or as
 * OCSF. Use with {@link EventLog#forEach} to export without holding events in memory. Not
 * thread-safe. {@link #close()} flushes but leaves the target open: its owner closes it.
 *
 * <p><b>{@link ExportFormat#JSON_LINES}</b>: {@code id}, {@code time} (ISO-8601), {@code type},
 * {@code severity}, {@code principal} and {@code asset} (left out when empty), {@code
 * outcome}, {@code attributes}, {@code references}.
 *
 * <p><b>{@link ExportFormat#OCSF}</b> (schema 1.5.0). The class follows the event type:
 *
 * <table>
 *   <caption>Event type to OCSF class</caption>
 *   <tr><th>Rampart event</th><th>OCSF class (category)</th></tr>
 *   <tr><td>{@code dlp.*}; {@code gateway.*} whose attributes carry finding types</td>
 *       <td>Data Security Finding 2006 (Findings 2)</td></tr>
 *   <tr><td>{@code detection.*}, {@code guard.*}; {@code gateway.*} with outcome blocked</td>
 *       <td>Detection Finding 2004 (Findings 2)</td></tr>
 *   <tr><td>{@code scan.finding*}, {@code posture.finding*}</td>
 *       <td>Compliance Finding 2003 (Findings 2)</td></tr>
 *   <tr><td>{@code token.*}, {@code config.*}</td>
 *       <td>Entity Management 3004 (Identity &amp; Access Management 3)</td></tr>
 *   <tr><td>anything else ({@code gateway.request}, {@code scan.completed}, ...)</td>
 *       <td>API Activity 6003 (Application Activity 6)</td></tr>
 * </table>
 *
 * <ul>
 *   <li>{@code activity_id}: 1 Create for findings; for the others from the type's last word
 *       (created/issued/imported 1 Create, read/exported 2 Read, changed/updated/approved 3
 *       Update, revoked/deleted 4 Delete, else 99 Other); {@code type_uid = class_uid * 100 +
 *       activity_id}.
 *   <li>{@code severity_id}: info 1, low 2, medium 3, high 4, critical 5. {@code time}: epoch ms.
 *   <li>{@code message}: the {@code message} attribute, else "type: outcome by principal on
 *       asset". {@code metadata}: {@code version} 1.5.0, {@code uid} = event id, {@code
 *       event_code} = type, {@code product} Rampart/Rampart, {@code labels} = all references.
 *   <li>{@code actor.user} {name, uid} = principal; {@code resources[0]} {name, uid} = asset.
 *   <li>Findings: {@code status_id} 1 New; {@code finding_info} {uid = event id, title = the
 *       {@code title} attribute or the type, types = finding types (attributes {@code
 *       finding_types}, {@code findingTypes} or {@code findings[].type}) plus non-ATLAS
 *       references such as OWASP {@code LLM01}, attacks = ATLAS references ({@code AML.T0051}
 *       as {@code technique.uid}, {@code version} "ATLAS"), analytic = the {@code rule}
 *       attribute}. Compliance adds {@code compliance} {standards, control, status}; Data
 *       Security adds {@code data_security} {detection_pattern, data in transit}.
 *   <li>Activities: {@code status_id} 1 Success (success, allowed, redacted, detected), 2
 *       Failure (failure, blocked), 0 Unknown; Entity Management adds {@code entity}, API
 *       Activity adds {@code api.operation} = type.
 *   <li>Security control profile for policy outcomes: allowed = action 1 Allowed/disposition 1
 *       Allowed, blocked = 2 Denied/2 Blocked, redacted = 4 Modified/11 Corrected, detected = 3
 *       Observed/15 Detected.
 *   <li>{@code unmapped} = the attributes, unchanged.
 * </ul>
 */
public final class EventExport implements AutoCloseable {
  private static final ObjectWriter WRITER =
      EventJson.MAPPER.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

  private final ExportFormat format;
  private final JsonGenerator generator;
  private long count;

  private EventExport(ExportFormat format, JsonGenerator generator) {
    this.format = format;
    this.generator = generator;
    generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    generator.setRootValueSeparator(null); // each value ends its own line instead
  }

  /** Writes UTF-8 to {@code out}. */
  public static EventExport create(ExportFormat format, OutputStream out) {
    requireNonNull(format, "format");
    requireNonNull(out, "out");
    try {
      return new EventExport(
          format, EventJson.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static EventExport create(ExportFormat format, Writer out) {
    requireNonNull(format, "format");
    requireNonNull(out, "out");
    try {
      return new EventExport(format, EventJson.MAPPER.getFactory().createGenerator(out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One event as the JSON object {@code format} writes for it (maps, lists and scalars). */
  public static Map<String, Object> toJson(ExportFormat format, Event event) {
    requireNonNull(format, "format");
    requireNonNull(event, "event");
    return switch (format) {
      case JSON_LINES -> jsonLine(event);
      case OCSF -> Ocsf.map(event);
    };
  }

  /** Writes one event and its line break. */
  public void write(Event event) {
    requireNonNull(event, "event");
    try {
      WRITER.writeValue(generator, toJson(format, event));
      generator.writeRaw('\n');
      count++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many events were written. */
  public long count() {
    return count;
  }

  public void flush() {
    try {
      generator.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Flushes; the underlying stream or writer stays open. */
  @Override
  public void close() {
    try {
      generator.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> jsonLine(Event event) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", event.id());
    out.put("time", event.time().toString());
    out.put("type", event.type());
    out.put("severity", event.severity().id());
    if (!event.principal().isEmpty()) {
      out.put("principal", event.principal());
    }
    if (!event.asset().isEmpty()) {
      out.put("asset", event.asset());
    }
    out.put("outcome", event.outcome().id());
    out.put("attributes", event.attributes());
    out.put("references", event.references());
    return out;
  }
}
