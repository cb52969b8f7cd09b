package io.rampart.core.config;

/** {@code storage:} {url, username, password, pool-size}. */
final class StorageSection implements ConfigSection<StorageConfig> {
  @Override
  public String key() {
    return "storage";
  }

  @Override
  public StorageConfig read(ConfigNode node) {
    StorageConfig.Builder b = StorageConfig.builder();
    if (node.allowKeys("url", "username", "password", "pool-size")) {
      node.field("url", ConfigNode::asString, b::url);
      node.field("username", ConfigNode::asString, b::username);
      node.field("password", ConfigNode::asSecret, b::password);
      node.field("pool-size", ConfigNode::asInt, b::poolSize);
    }
    return node.build(b::build, StorageConfig.DEFAULT);
  }

  @Override
  public Object write(StorageConfig value) {
    return ConfigSection.map(
        "url", value.url(),
        "username", value.username(),
        "password", value.password(),
        "pool-size", value.poolSize());
  }

  @Override
  public StorageConfig get(RampartConfig config) {
    return config.storage();
  }

  @Override
  public void set(RampartConfig.Builder builder, StorageConfig value) {
    builder.storage(value);
  }
}
