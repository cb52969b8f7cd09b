package io.rampart.core.config;

/** {@code events:} {retention}. */
final class EventsSection implements ConfigSection<EventsConfig> {
  @Override
  public String key() {
    return "events";
  }

  @Override
  public EventsConfig read(ConfigNode node) {
    EventsConfig.Builder b = EventsConfig.builder();
    if (node.allowKeys("retention")) {
      node.field("retention", ConfigNode::asDuration, b::retention);
    }
    return node.build(b::build, EventsConfig.DEFAULT);
  }

  @Override
  public Object write(EventsConfig value) {
    return ConfigSection.map("retention", value.retention());
  }

  @Override
  public EventsConfig get(RampartConfig config) {
    return config.events();
  }

  @Override
  public void set(RampartConfig.Builder builder, EventsConfig value) {
    builder.events(value);
  }
}
