package io.rampart.cli;

/** Entry point of the {@code rampart} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(RampartCommand.newCommandLine().execute(args));
  }
}
