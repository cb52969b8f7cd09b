package io.rampart.guard;

/** A fired detector before policy is applied; offsets are in the caller's original string. */
record Signal(String rule, Category category, double weight, int start, int end, String excerpt) {

  Span toSpan(String field) {
    return new Span(field, start, end, rule, category, excerpt);
  }
}
