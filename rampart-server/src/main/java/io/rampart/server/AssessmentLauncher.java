package io.rampart.server;

import io.rampart.core.inventory.AssessmentRun;
import java.util.List;

/**
 * Starts stored assessments on demand for {@code POST /api/assessments}. Only configured
 * schedules can be run: an API caller never chooses which server paths get read.
 */
public interface AssessmentLauncher {

  /** The schedules that can be run, by name. */
  List<String> schedules();

  /**
   * Starts a run of {@code schedule} in the background and returns it as running.
   *
   * @throws IllegalArgumentException when no such schedule is configured
   * @throws IllegalStateException when a run of that schedule is still in progress
   */
  AssessmentRun launch(String schedule);

  /** A launcher with no schedules, for servers without an {@code assessments:} section. */
  static AssessmentLauncher none() {
    return new AssessmentLauncher() {
      @Override
      public List<String> schedules() {
        return List.of();
      }

      @Override
      public AssessmentRun launch(String schedule) {
        throw new IllegalArgumentException("schedule: " + schedule
            + " (expected: a schedule configured under assessments.schedules; none are)");
      }
    };
  }
}
