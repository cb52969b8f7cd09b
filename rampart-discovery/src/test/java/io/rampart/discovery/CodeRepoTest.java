package io.rampart.discovery;

import static io.rampart.discovery.TestFiles.only;
import static io.rampart.discovery.TestFiles.scan;
import static io.rampart.discovery.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeRepoTest {
  @TempDir Path dir;

  @Test
  void findsSdksModelFilesRiskyPatternsCredentialsAndMcpConfigs() throws Exception {
    Path repo = dir.resolve("chatbot");
    write(repo, "requirements.txt", "openai==1.54.0\ntransformers>=4.40\nrequests==2.32.0\n");
    write(repo, "package.json", "{\"dependencies\": {\"@anthropic-ai/sdk\": \"^0.30.0\"}}");
    write(repo, "go.mod", "module x\n\nrequire (\n\tgithub.com/openai/openai-go v1.2.0\n)\n");
    write(repo, "pom.xml", "<project><dependencies><dependency>\n<groupId>dev.langchain4j</groupId>\n"
        + "<artifactId>langchain4j-open-ai</artifactId>\n<version>1.0.0</version>\n"
        + "</dependency></dependencies></project>\n");
    write(repo, "app.py", """
        import torch
        from transformers import AutoModel
        client = OpenAI(api_key="sk-proj-%s")
        ENDPOINT = "https://acme-oai.openai.azure.com/"
        model = AutoModel.from_pretrained("org/model", trust_remote_code=True)
        weights = torch.load("model.pt")
        safe = torch.load("model.pt", weights_only=True)
        """.formatted("A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v2W3x4"));
    write(repo, ".vscode/mcp.json", """
        {"servers": {
          "github": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"],
                     "env": {"GITHUB_TOKEN": "ghp_abcdefghijklmnopqrstuvwxyz0123456789"}},
          "safe": {"command": "npx", "args": ["-y", "mcp-server-x@1.2.3"],
                   "env": {"API_KEY": "${input:key}"}}
        }}
        """);
    Files.write(repo.resolve("model.pt"), new byte[] {1, 2, 3});
    Files.write(repo.resolve("model.safetensors"), new byte[] {1});
    write(repo, "notebook.ipynb", "{\"cells\": [{\"source\": [\"import pickle\\n\", "
        + "\"m = pickle.load(open('m.pkl','rb'))\"]}]}");
    Inventory inv = scan(dir);
    assertThat(inv.errors()).isEmpty();
    Asset app = only(inv, AssetKind.APPLICATION);
    assertThat(app.name()).isEqualTo("chatbot");
    assertThat(inv.assets().stream().filter(a -> a.kind() == AssetKind.AI_SDK)
        .map(Asset::name)).containsExactlyInAnyOrder("openai", "transformers",
            "@anthropic-ai/sdk", "github.com/openai/openai-go", "langchain4j-open-ai");
    Asset openai = inv.assets().stream().filter(a -> a.name().equals("openai")).findFirst()
        .orElseThrow();
    assertThat(openai.properties()).containsEntry("pinned", true);
    assertThat(openai.source().line()).isEqualTo(1);
    Asset src = only(inv, AssetKind.SOURCE_FILE);
    assertThat(src.source().line()).isEqualTo(3);
    assertThat(Values.list(src.properties().get("hardcodedCredentials"))).isNotEmpty();
    assertThat(Values.list(src.properties().get("unsafeModelLoads")))
        .containsExactly(Map.of("pattern", "torch.load without weights_only=True", "line", 6L));
    assertThat(Values.list(src.properties().get("trustRemoteCode"))).hasSize(1);
    assertThat(Values.list(src.properties().get("unpinnedModelPulls"))).hasSize(1);
    assertThat(src.properties().get("endpointHosts")).isEqualTo(List.of("acme-oai"));
    assertThat(inv.assets().stream().filter(a -> a.kind() == AssetKind.MODEL_FILE)
        .map(a -> a.properties().get("executesCodeOnLoad"))).containsExactlyInAnyOrder(true, false);
    Asset nb = only(inv, AssetKind.NOTEBOOK);
    assertThat(Values.list(nb.properties().get("unsafeModelLoads"))).hasSize(1);
    Asset mcp = only(inv, AssetKind.MCP_CLIENT_CONFIG);
    assertThat(mcp.properties()).containsEntry("serverCount", 2L)
        .containsEntry("unpinnedServers", 1L);
    assertThat(Values.list(mcp.properties().get("plaintextSecrets"))).hasSize(1);
    assertThat(inv.relationships()).contains(new Relationship(src.id(), RelationType.PART_OF,
        app.id()));
  }

  @Test
  void readsGradleAndPyprojectManifests() {
    write(dir, "svc/build.gradle.kts", """
        dependencies {
            implementation("dev.langchain4j:langchain4j-azure-open-ai:1.0.0")
            implementation("com.openai:openai-java:latest.release")
            testImplementation("org.junit.jupiter:junit-jupiter:5.11.0")
        }
        """);
    write(dir, "py/pyproject.toml", """
        [project]
        name = "agent"
        dependencies = [
          "anthropic==0.40.0",
          "langgraph>=0.2",
        ]
        [tool.poetry.dependencies]
        mcp = "^1.2"
        """);
    Inventory inv = scan(dir);
    assertThat(inv.assets().stream().filter(a -> a.kind() == AssetKind.AI_SDK)
        .map(a -> a.name() + "=" + a.properties().get("pinned")))
        .containsExactlyInAnyOrder("langchain4j-azure-open-ai=true", "openai-java=false",
            "anthropic=true", "langgraph=false", "mcp=false");
    assertThat(inv.assets().stream().filter(a -> a.kind() == AssetKind.APPLICATION)).hasSize(2);
  }

  @Test
  void codeLinksToTheAzureAccountItCalls() {
    write(dir, "repo/requirements.txt", "openai\n");
    write(dir, "repo/main.py", "url = 'https://acme-oai.openai.azure.com'\n");
    write(dir, "infra/main.tf", """
        resource "azurerm_cognitive_account" "a" {
          name                  = "acme-oai"
          custom_subdomain_name = "acme-oai"
        }
        """);
    Inventory inv = scan(dir);
    Asset account = only(inv, AssetKind.AI_ACCOUNT);
    Asset app = only(inv, AssetKind.APPLICATION);
    assertThat(inv.relationships())
        .contains(new Relationship(app.id(), RelationType.USES, account.id()));
  }

  @Test
  void symlinkLoopsAndMissingPathsAreErrorsAndTheRestIsRead() throws Exception {
    write(dir, "a/main.tf", "resource \"azurerm_key_vault\" \"k\" { name = \"kv\" }\n");
    Files.createSymbolicLink(dir.resolve("a/loop"), dir.resolve("a"));
    Inventory inv = scan(dir, dir.resolve("missing"));
    assertThat(inv.errors()).anyMatch(e -> e.message().contains("symlink loop"))
        .anyMatch(e -> e.message().contains("no such file"));
    assertThat(only(inv, AssetKind.KEY_VAULT).name()).isEqualTo("kv");
  }
}
