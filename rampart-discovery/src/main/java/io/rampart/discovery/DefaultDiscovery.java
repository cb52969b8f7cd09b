package io.rampart.discovery;

import io.rampart.dlp.DlpEngine;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Walks the inputs, routes each file to its reader and links the result. */
final class DefaultDiscovery implements Discovery {
  private static final Set<String> SKIP_DIRS = Set.of(".git", "node_modules", ".terraform",
      "target", "build", ".venv", "venv", "__pycache__", ".idea", "dist", ".tox");
  private static final long MAX_TEXT = 8L << 20;
  private static final long MAX_SOURCE = 1L << 20;

  private final Clock clock;
  private final DlpEngine dlp;
  private final Path base;

  DefaultDiscovery(Clock clock, DlpEngine dlp, Path base) {
    this.clock = clock;
    this.dlp = dlp;
    this.base = base;
  }

  @Override
  public Inventory scan(List<Path> paths, Optional<SourceKind> only) {
    Collector c = new Collector(clock.instant());
    Relativizer rel = new Relativizer(base);
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      walk(p, files, c, rel);
    }
    Map<Path, String> apps = new LinkedHashMap<>();
    if (allows(only, SourceKind.CODE)) {
      for (Path f : files) {
        if (Dependencies.isManifest(f.getFileName().toString())) {
          apps.computeIfAbsent(f.toAbsolutePath().normalize().getParent(), d -> {
            String id = "code:app:" + rel.of(d);
            Path name = d.getFileName();
            c.add(id, AssetKind.APPLICATION, "repository", name == null ? "." : name.toString(),
                "code", Optional.empty(), Map.of(), Map.of(), new SourceRef(rel.of(d), 0));
            return id;
          });
        }
      }
    }
    Set<Path> tfDirs = new LinkedHashSet<>();
    for (Path f : files) {
      try {
        route(f, only, c, rel, apps, tfDirs);
      } catch (ParseException e) {
        c.error(rel.of(f), e.line(), e.getMessage());
      } catch (IOException | RuntimeException e) {
        c.error(rel.of(f), 0, FileErrors.describe(e));
      }
    }
    new TerraformReader(c, rel).read(tfDirs);
    return Linker.link(Inventory.of(c.assets, c.relationships, c.errors));
  }

  private void route(Path f, Optional<SourceKind> only, Collector c, Relativizer rel,
      Map<Path, String> apps, Set<Path> tfDirs) throws IOException {
    String name = f.getFileName().toString();
    String ext = CodeReader.extension(name);
    String path = rel.of(f);
    if (ext.equals("tf")) {
      if (allows(only, SourceKind.TERRAFORM)) {
        tfDirs.add(f.toAbsolutePath().normalize().getParent());
      }
      return;
    }
    Optional<String> app = appOf(f, apps);
    if (allows(only, SourceKind.CODE)) {
      Optional<Map<String, Object>> model = CodeReader.modelFile(name, Files.size(f));
      if (model.isPresent()) {
        String id = "code:" + path;
        c.add(id, AssetKind.MODEL_FILE, "model-file", name, "code", Optional.empty(), Map.of(),
            model.get(), new SourceRef(path, 0));
        app.ifPresent(a -> c.link(a, RelationType.USES, id));
        return;
      }
    }
    if (!(ext.equals("json") || ext.equals("yaml") || ext.equals("yml") || ext.equals("txt")
        || ext.equals("toml") || ext.equals("xml") || ext.equals("mod") || ext.equals("gradle")
        || ext.equals("kts") || CodeReader.SOURCE_EXTENSIONS.contains(ext))) {
      return;
    }
    if (Files.size(f) > MAX_TEXT) {
      c.error(path, 0, "too large: " + Files.size(f) + " bytes (expected: at most " + MAX_TEXT
          + ")");
      return;
    }
    String text = Files.readString(f);
    if (ext.equals("json")) {
      json(f, name, path, text, only, c, app);
    } else if ((ext.equals("yaml") || ext.equals("yml")) && allows(only, SourceKind.K8S)
        && KubernetesReader.detect(text)) {
      KubernetesReader.read(c, text, path);
    }
    if (allows(only, SourceKind.CODE)) {
      if (Dependencies.isManifest(name) && app.isPresent()) {
        for (Dependencies.Sdk s : Dependencies.parse(name, text)) {
          String id = "code:" + path + ":" + s.ecosystem() + ":" + s.name();
          c.add(id, AssetKind.AI_SDK, s.ecosystem(), s.name(), "code", Optional.empty(),
              Map.of(), Dependencies.properties(s), new SourceRef(path, s.line()));
          c.link(app.get(), RelationType.USES, id);
        }
      } else if (CodeReader.SOURCE_EXTENSIONS.contains(ext) && text.length() <= MAX_SOURCE) {
        CodeReader.read(c, dlp, text, path, app.orElse("code:app:" + rel.of(f.getParent())));
      }
    }
  }

  private void json(Path f, String name, String path, String text, Optional<SourceKind> only,
      Collector c, Optional<String> app) {
    JsonTree tree = JsonTree.parse(text);
    if (TerraformPlanReader.detect(tree.root)) {
      if (allows(only, SourceKind.TERRAFORM)) {
        TerraformPlanReader.read(c, tree, path);
      }
      return;
    }
    Optional<SourceKind> azure = AzureJsonReader.detect(tree.root);
    if (azure.isPresent()) {
      if (azure.get() == SourceKind.ARM && allows(only, SourceKind.ARM)) {
        AzureJsonReader.readTemplate(c, tree, path);
      } else if (azure.get() == SourceKind.ARG_JSON && allows(only, SourceKind.ARG_JSON)) {
        AzureJsonReader.readResourceList(c, tree, path);
      }
      return;
    }
    if (allows(only, SourceKind.CODE) && McpConfigReader.detect(name, tree.root)) {
      McpConfigReader.read(c, tree, path, app);
    }
  }

  private static Optional<String> appOf(Path f, Map<Path, String> apps) {
    for (Path d = f.toAbsolutePath().normalize().getParent(); d != null; d = d.getParent()) {
      if (apps.containsKey(d)) {
        return Optional.of(apps.get(d));
      }
    }
    return Optional.empty();
  }

  private static boolean allows(Optional<SourceKind> only, SourceKind kind) {
    return only.isEmpty() || only.get() == kind
        || only.get() == SourceKind.AZURE
            && (kind == SourceKind.ARG_JSON || kind == SourceKind.ARM);
  }

  private static void walk(Path root, List<Path> files, Collector c, Relativizer rel) {
    if (!Files.exists(root)) {
      c.error(rel.of(root), 0, "cannot read: no such file or directory");
      return;
    }
    try {
      Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), 64,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
              Path n = d.getFileName();
              return n != null && !d.equals(root) && SKIP_DIRS.contains(n.toString())
                  ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
              if (a.isRegularFile()) {
                files.add(f);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
              c.error(rel.of(f), 0, e instanceof FileSystemLoopException
                  ? "symlink loop (expected: links that do not cycle)" : FileErrors.describe(e));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      c.error(rel.of(root), 0, FileErrors.describe(e));
    }
  }
}
