package io.rampart.core.config;

/** {@code server:} {host, port}. */
final class ServerSection implements ConfigSection<ServerConfig> {
  @Override
  public String key() {
    return "server";
  }

  @Override
  public ServerConfig read(ConfigNode node) {
    ServerConfig.Builder b = ServerConfig.builder();
    if (node.allowKeys("host", "port")) {
      node.field("host", ConfigNode::asString, b::host);
      node.field("port", ConfigNode::asInt, b::port);
    }
    return node.build(b::build, ServerConfig.DEFAULT);
  }

  @Override
  public Object write(ServerConfig value) {
    return ConfigSection.map("host", value.host(), "port", value.port());
  }

  @Override
  public ServerConfig get(RampartConfig config) {
    return config.server();
  }

  @Override
  public void set(RampartConfig.Builder builder, ServerConfig value) {
    builder.server(value);
  }
}
