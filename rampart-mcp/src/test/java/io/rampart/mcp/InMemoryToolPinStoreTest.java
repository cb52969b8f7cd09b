package io.rampart.mcp;

class InMemoryToolPinStoreTest extends ToolPinStoreContract {
  @Override
  ToolPinStore store() {
    return ToolPinStore.inMemory();
  }
}
