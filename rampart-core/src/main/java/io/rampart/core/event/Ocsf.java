package io.rampart.core.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Maps one {@link Event} to an OCSF 1.5 event object, as documented on {@link EventExport}. */
final class Ocsf {
  static final String SCHEMA_VERSION = "1.5.0";

  /** The OCSF classes Rampart events map to. */
  enum EventClass {
    COMPLIANCE_FINDING(2003, "Compliance Finding", 2, "Findings"),
    DETECTION_FINDING(2004, "Detection Finding", 2, "Findings"),
    DATA_SECURITY_FINDING(2006, "Data Security Finding", 2, "Findings"),
    ENTITY_MANAGEMENT(3004, "Entity Management", 3, "Identity & Access Management"),
    API_ACTIVITY(6003, "API Activity", 6, "Application Activity");

    final int uid;
    final String caption;
    final int categoryUid;
    final String categoryName;

    EventClass(int uid, String caption, int categoryUid, String categoryName) {
      this.uid = uid;
      this.caption = caption;
      this.categoryUid = categoryUid;
      this.categoryName = categoryName;
    }

    boolean finding() {
      return categoryUid == 2;
    }
  }

  private Ocsf() {}

  static EventClass classify(Event event) {
    String prefix = event.type().substring(0, event.type().indexOf('.'));
    String verb = event.type().substring(event.type().lastIndexOf('.') + 1);
    return switch (prefix) {
      case "dlp" -> EventClass.DATA_SECURITY_FINDING;
      case "gateway" ->
          !findingTypes(event).isEmpty()
              ? EventClass.DATA_SECURITY_FINDING
              : event.outcome() == Outcome.BLOCKED
                  ? EventClass.DETECTION_FINDING
                  : EventClass.API_ACTIVITY;
      case "detection", "guard" -> EventClass.DETECTION_FINDING;
      case "scan", "posture" ->
          verb.startsWith("finding") ? EventClass.COMPLIANCE_FINDING : EventClass.API_ACTIVITY;
      case "token", "config" -> EventClass.ENTITY_MANAGEMENT;
      default -> EventClass.API_ACTIVITY;
    };
  }

  static Map<String, Object> map(Event event) {
    EventClass type = classify(event);
    int activity = type.finding() ? 1 : activity(event.type());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("category_uid", type.categoryUid);
    out.put("category_name", type.categoryName);
    out.put("class_uid", type.uid);
    out.put("class_name", type.caption);
    out.put("activity_id", activity);
    out.put("activity_name", activityName(activity));
    out.put("type_uid", type.uid * 100L + activity);
    out.put("type_name", type.caption + ": " + activityName(activity));
    out.put("severity_id", severityId(event.severity()));
    out.put("severity", severityName(event.severity()));
    out.put("time", event.time().toEpochMilli());
    out.put("message", message(event));
    out.put("metadata", metadata(event));
    status(out, type, event.outcome());
    control(out, event.outcome());
    if (!event.principal().isEmpty()) {
      out.put("actor", Map.of("user", Map.of("name", event.principal(), "uid", event.principal())));
    }
    if (!event.asset().isEmpty()) {
      out.put("resources", List.of(Map.of("name", event.asset(), "uid", event.asset())));
    }
    switch (type) {
      case COMPLIANCE_FINDING -> out.put("compliance", compliance(event));
      case DATA_SECURITY_FINDING -> out.put("data_security", dataSecurity(event));
      case ENTITY_MANAGEMENT -> out.put("entity", entity(event));
      case API_ACTIVITY -> out.put("api", Map.of("operation", event.type()));
      case DETECTION_FINDING -> {}
    }
    if (type.finding()) {
      out.put("finding_info", findingInfo(event));
    }
    if (!event.attributes().isEmpty()) {
      out.put("unmapped", event.attributes());
    }
    return out;
  }

  private static Map<String, Object> metadata(Event event) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("version", SCHEMA_VERSION);
    metadata.put("uid", event.id());
    metadata.put("event_code", event.type());
    metadata.put("product", Map.of("name", "Rampart", "vendor_name", "Rampart"));
    if (controlled(event.outcome())) {
      metadata.put("profiles", List.of("security_control"));
    }
    if (!event.references().isEmpty()) {
      metadata.put("labels", event.references());
    }
    return metadata;
  }

  private static Map<String, Object> findingInfo(Event event) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("uid", event.id());
    info.put("title", text(event, "title").orElse(event.type()));
    info.put("created_time", event.time().toEpochMilli());
    Set<String> types = new LinkedHashSet<>(findingTypes(event));
    List<Map<String, Object>> attacks = new ArrayList<>();
    for (String ref : event.references()) {
      if (ref.startsWith("AML.")) {
        // MITRE ATLAS techniques share ATT&CK's shape, so they go where ATT&CK ones would.
        attacks.add(Map.of("technique", Map.of("uid", ref), "version", "ATLAS"));
      } else {
        types.add(ref); // OWASP LLM Top 10 and other catalog IDs classify the finding
      }
    }
    if (!types.isEmpty()) {
      info.put("types", List.copyOf(types));
    }
    if (!attacks.isEmpty()) {
      info.put("attacks", attacks);
    }
    text(event, "rule")
        .ifPresent(rule -> info.put("analytic", Map.of("name", rule, "type_id", 1, "type", "Rule")));
    return info;
  }

  private static Map<String, Object> compliance(Event event) {
    Set<String> standards = new LinkedHashSet<>();
    for (String ref : event.references()) {
      standards.add(
          ref.startsWith("AML.") ? "MITRE ATLAS"
              : ref.matches("LLM\\d+.*") ? "OWASP Top 10 for LLM Applications"
              : ref);
    }
    Map<String, Object> compliance = new LinkedHashMap<>();
    compliance.put("standards", standards.isEmpty() ? List.of("Rampart") : List.copyOf(standards));
    text(event, "check").or(() -> text(event, "rule"))
        .ifPresent(control -> compliance.put("control", control));
    int status = switch (event.outcome()) {
      case SUCCESS, ALLOWED -> 1;
      case REDACTED -> 2;
      case DETECTED, FAILURE, BLOCKED -> 3;
      case UNKNOWN -> 0;
    };
    compliance.put("status_id", status);
    compliance.put("status", List.of("Unknown", "Pass", "Warning", "Fail").get(status));
    return compliance;
  }

  private static Map<String, Object> dataSecurity(Event event) {
    Map<String, Object> data = new LinkedHashMap<>();
    List<String> types = findingTypes(event);
    if (!types.isEmpty()) {
      data.put("detection_pattern", String.join(", ", types));
    }
    // Rampart inspects prompts and responses as they pass: data in transit.
    data.put("data_lifecycle_state_id", 2);
    data.put("data_lifecycle_state", "Data in-Transit");
    return data;
  }

  private static Map<String, Object> entity(Event event) {
    String kind = event.type().startsWith("token.") ? "API Token" : "Configuration";
    Map<String, Object> entity = new LinkedHashMap<>();
    entity.put("type", kind);
    if (!event.asset().isEmpty()) {
      entity.put("name", event.asset());
      entity.put("uid", event.asset());
    }
    return entity;
  }

  private static void status(Map<String, Object> out, EventClass type, Outcome outcome) {
    if (type.finding()) {
      out.put("status_id", 1); // a finding as it is first reported
      out.put("status", "New");
      return;
    }
    int status = switch (outcome) {
      case SUCCESS, ALLOWED, REDACTED, DETECTED -> 1;
      case FAILURE, BLOCKED -> 2;
      case UNKNOWN -> 0;
    };
    out.put("status_id", status);
    out.put("status", List.of("Unknown", "Success", "Failure").get(status));
  }

  private static boolean controlled(Outcome outcome) {
    return switch (outcome) {
      case ALLOWED, BLOCKED, REDACTED, DETECTED -> true;
      case SUCCESS, FAILURE, UNKNOWN -> false;
    };
  }

  /** Security control profile: what the control did. */
  private static void control(Map<String, Object> out, Outcome outcome) {
    record Control(int action, String actionName, int disposition, String dispositionName) {}
    @Nullable Control control = switch (outcome) {
      case ALLOWED -> new Control(1, "Allowed", 1, "Allowed");
      case BLOCKED -> new Control(2, "Denied", 2, "Blocked");
      case REDACTED -> new Control(4, "Modified", 11, "Corrected");
      case DETECTED -> new Control(3, "Observed", 15, "Detected");
      case SUCCESS, FAILURE, UNKNOWN -> null;
    };
    if (control != null) {
      out.put("action_id", control.action());
      out.put("action", control.actionName());
      out.put("disposition_id", control.disposition());
      out.put("disposition", control.dispositionName());
    }
  }

  private static int activity(String type) {
    return switch (type.substring(type.lastIndexOf('.') + 1)) {
      case "created", "issued", "imported", "added", "registered" -> 1;
      case "read", "viewed", "listed", "exported" -> 2;
      case "changed", "updated", "modified", "reloaded", "approved", "rotated" -> 3;
      case "revoked", "deleted", "removed", "purged" -> 4;
      default -> 99;
    };
  }

  private static String activityName(int activity) {
    return switch (activity) {
      case 1 -> "Create";
      case 2 -> "Read";
      case 3 -> "Update";
      case 4 -> "Delete";
      default -> "Other";
    };
  }

  static int severityId(Severity severity) {
    return switch (severity) {
      case INFO -> 1;
      case LOW -> 2;
      case MEDIUM -> 3;
      case HIGH -> 4;
      case CRITICAL -> 5;
    };
  }

  private static String severityName(Severity severity) {
    return severity == Severity.INFO ? "Informational"
        : severity.id().substring(0, 1).toUpperCase(java.util.Locale.ROOT)
            + severity.id().substring(1);
  }

  private static String message(Event event) {
    return text(event, "message").orElseGet(() -> {
      StringBuilder m = new StringBuilder(event.type()).append(": ").append(event.outcome().id());
      if (!event.principal().isEmpty()) {
        m.append(" by ").append(event.principal());
      }
      if (!event.asset().isEmpty()) {
        m.append(" on ").append(event.asset());
      }
      return m.toString();
    });
  }

  /**
   * DLP finding types from the attributes: {@code finding_types} or {@code findingTypes} (a
   * list of strings), or {@code findings} (strings, or objects with a {@code type}).
   */
  static List<String> findingTypes(Event event) {
    Set<String> types = new LinkedHashSet<>();
    for (String key : List.of("finding_types", "findingTypes", "findings")) {
      if (event.attributes().get(key) instanceof List<?> list) {
        for (Object item : list) {
          if (item instanceof String s) {
            types.add(s);
          } else if (item instanceof Map<?, ?> m && m.get("type") instanceof String s) {
            types.add(s);
          }
        }
      }
    }
    return List.copyOf(types);
  }

  private static java.util.Optional<String> text(Event event, String key) {
    return event.attributes().get(key) instanceof String s && !s.isBlank()
        ? java.util.Optional.of(s)
        : java.util.Optional.empty();
  }
}
