package io.rampart.gateway;

/** One step of the request pipeline: answers an exchange, usually by calling the next step. */
@FunctionalInterface
interface Stage {
  Reply handle(Exchange ex);

  /** A step that wraps another: authentication, quotas, inspection are decorators. */
  @FunctionalInterface
  interface Filter {
    Reply apply(Exchange ex, Stage next);

    /** This filter in front of {@code next}. */
    default Stage then(Stage next) {
      return ex -> apply(ex, next);
    }
  }

  /** {@code filters} applied in order, the first outermost, around {@code last}. */
  static Stage chain(java.util.List<Filter> filters, Stage last) {
    Stage s = last;
    for (int i = filters.size() - 1; i >= 0; i--) {
      s = filters.get(i).then(s);
    }
    return s;
  }
}
