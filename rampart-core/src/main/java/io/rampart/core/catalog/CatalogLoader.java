package io.rampart.core.catalog;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses catalog YAML resources into an {@link InMemoryRiskCatalog} and validates them: known
 * fields only, ID format and kind per framework, unique IDs, and every {@code related} ID
 * defined by some entry of the resources loaded together.
 */
final class CatalogLoader {
  /** Built-in resources, in the order their entries appear in {@link RiskCatalog#entries()}. */
  static final List<String> BUILT_IN =
      List.of("catalog/owasp-llm-2025.yaml", "catalog/owasp-agentic.yaml", "catalog/atlas.yaml");

  private static final Set<String> FILE_FIELDS = Set.of("framework", "source-version", "entries");
  private static final Set<String> ENTRY_FIELDS =
      Set.of("id", "kind", "name", "description", "url", "related");
  private static final Pattern LLM_ID = Pattern.compile("LLM\\d\\d");
  private static final Pattern ASI_ID = Pattern.compile("ASI\\d\\d");
  private static final Pattern TACTIC_ID = Pattern.compile("AML\\.TA\\d{4}");
  private static final Pattern TECHNIQUE_ID = Pattern.compile("AML\\.T\\d{4}");
  private static final Pattern SUBTECHNIQUE_ID = Pattern.compile("AML\\.T\\d{4}\\.\\d{3}");
  private static final Pattern MITIGATION_ID = Pattern.compile("AML\\.M\\d{4}");

  private CatalogLoader() {}

  /** Lazy holder: the built-in catalog is parsed on first use, once. */
  private static final class BuiltIn {
    static final RiskCatalog CATALOG = loadBuiltIn();
  }

  static RiskCatalog builtIn() {
    return BuiltIn.CATALOG;
  }

  private static RiskCatalog loadBuiltIn() {
    List<Source> sources = new ArrayList<>();
    ClassLoader loader = CatalogLoader.class.getClassLoader();
    for (String name : BUILT_IN) {
      URL url = loader.getResource(name);
      if (url == null) {
        throw new CatalogLoadException(
            "catalog: resource: " + name + " (expected: on the class path in rampart-core)");
      }
      sources.add(new Source(name, url));
    }
    return load(sources);
  }

  static RiskCatalog loadUrls(List<URL> resources) {
    requireNonNull(resources, "resources");
    List<Source> sources = new ArrayList<>();
    for (URL url : resources) {
      sources.add(new Source(requireNonNull(url, "resources[]").toString(), url));
    }
    return load(sources);
  }

  private record Source(String name, URL url) {}

  /** An entry and the resource that defined it, for error messages. */
  private record Located(CatalogEntry entry, String resource) {}

  private static RiskCatalog load(List<Source> sources) {
    Map<String, Located> byKey = new HashMap<>();
    List<Located> all = new ArrayList<>();
    for (Source source : sources) {
      List<CatalogEntry> parsed = parse(source);
      for (int i = 0; i < parsed.size(); i++) {
        Located located = new Located(parsed.get(i), source.name());
        Located previous = byKey.putIfAbsent(InMemoryRiskCatalog.key(located.entry().id()),
            located);
        if (previous != null) {
          throw new CatalogLoadException(source.name() + ": entries[" + i + "].id: "
              + located.entry().id() + " (expected: unique; already defined in "
              + previous.resource() + ")");
        }
        all.add(located);
      }
    }
    List<CatalogEntry> entries = new ArrayList<>(all.size());
    for (Located located : all) {
      for (String target : located.entry().related()) {
        if (!byKey.containsKey(InMemoryRiskCatalog.key(target))) {
          throw new CatalogLoadException(located.resource() + ": " + located.entry().id()
              + ".related: " + target + " (expected: an ID defined in the catalog)");
        }
      }
      entries.add(located.entry());
    }
    return new InMemoryRiskCatalog(entries);
  }

  private static List<CatalogEntry> parse(Source source) {
    Object root;
    try (InputStream in = source.url().openStream()) {
      root = CatalogYaml.read(in);
    } catch (IOException e) {
      throw new CatalogLoadException(source.name() + ": yaml: "
          + firstLine(e.getMessage()) + " (expected: readable, valid YAML)", e);
    }
    String where = source.name() + ": ";
    Map<?, ?> file = mapping(root, where + "document");
    checkFields(file, FILE_FIELDS, where);
    Framework framework;
    try {
      framework = Framework.parse(text(file, "framework", where));
    } catch (IllegalArgumentException e) {
      throw new CatalogLoadException(where + e.getMessage(), e);
    }
    Object list = file.containsKey("entries") ? file.get("entries") : "missing";
    if (!(list instanceof List<?> items)) {
      throw new CatalogLoadException(where + "entries: " + CatalogYaml.describe(list)
          + " (expected: a list of entries)");
    }
    List<CatalogEntry> entries = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String prefix = where + "entries[" + i + "]";
      entries.add(entry(mapping(items.get(i), prefix), framework, prefix + "."));
    }
    return entries;
  }

  private static CatalogEntry entry(Map<?, ?> node, Framework framework, String prefix) {
    checkFields(node, ENTRY_FIELDS, prefix);
    String id = text(node, "id", prefix);
    String kindText = text(node, "kind", prefix);
    EntryKind expected = expectedKind(framework, id);
    if (expected == null) {
      throw new CatalogLoadException(prefix + "id: " + id + " (expected: " + idFormat(framework)
          + " for framework " + framework.id() + ")");
    }
    if (!expected.id().equals(kindText)) {
      throw new CatalogLoadException(
          prefix + "kind: " + kindText + " (expected: " + expected.id() + " for " + id + ")");
    }
    String url = text(node, "url", prefix);
    if (!url.startsWith("https://")) {
      throw new CatalogLoadException(prefix + "url: " + url + " (expected: an https:// URL)");
    }
    Object relatedNode = node.containsKey("related") ? node.get("related") : List.of();
    if (!(relatedNode instanceof List<?> targets)) {
      throw new CatalogLoadException(prefix + "related: " + CatalogYaml.describe(relatedNode)
          + " (expected: a list of IDs)");
    }
    List<String> related = new ArrayList<>(targets.size());
    for (Object target : targets) {
      if (!(target instanceof String text) || text.isBlank()) {
        throw new CatalogLoadException(prefix + "related: " + CatalogYaml.describe(target)
            + " in the list (expected: a list of IDs)");
      }
      related.add(text.strip());
    }
    return new CatalogEntry(id, framework, expected, text(node, "name", prefix),
        text(node, "description", prefix), url, related);
  }

  private static Map<?, ?> mapping(Object value, String where) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw new CatalogLoadException(
        where + ": " + CatalogYaml.describe(value) + " (expected: a mapping)");
  }

  private static void checkFields(Map<?, ?> node, Set<String> allowed, String prefix) {
    for (Object name : node.keySet()) {
      if (!allowed.contains(name)) {
        throw new CatalogLoadException(prefix + "field: " + name + " (expected: one of "
            + String.join(", ", allowed.stream().sorted().toList()) + ")");
      }
    }
  }

  private static String text(Map<?, ?> node, String field, String prefix) {
    Object value = node.containsKey(field) ? node.get(field) : "";
    if (!(value instanceof String text) || text.isBlank()) {
      throw new CatalogLoadException(prefix + field + ": "
          + (node.containsKey(field) ? CatalogYaml.describe(value) : "missing")
          + " (expected: non-blank text)");
    }
    return text.strip();
  }

  /** The kind an ID must have in {@code framework}, or null when the ID is malformed. */
  private static @Nullable EntryKind expectedKind(Framework framework, String id) {
    return switch (framework) {
      case OWASP_LLM -> LLM_ID.matcher(id).matches() ? EntryKind.RISK : null;
      case OWASP_AGENTIC -> ASI_ID.matcher(id).matches() ? EntryKind.RISK : null;
      case ATLAS -> {
        if (TACTIC_ID.matcher(id).matches()) {
          yield EntryKind.TACTIC;
        } else if (TECHNIQUE_ID.matcher(id).matches()) {
          yield EntryKind.TECHNIQUE;
        } else if (SUBTECHNIQUE_ID.matcher(id).matches()) {
          yield EntryKind.SUBTECHNIQUE;
        } else if (MITIGATION_ID.matcher(id).matches()) {
          yield EntryKind.MITIGATION;
        }
        yield null;
      }
    };
  }

  private static String idFormat(Framework framework) {
    return switch (framework) {
      case OWASP_LLM -> "LLM and two digits, e.g. LLM01";
      case OWASP_AGENTIC -> "ASI and two digits, e.g. ASI01";
      case ATLAS -> "AML.TA0000, AML.T0000, AML.T0000.000 or AML.M0000";
    };
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
