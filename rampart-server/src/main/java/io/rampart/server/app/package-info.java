/** Wiring: opens storage and engines from rampart.yaml and starts the listeners. */
@NullMarked
package io.rampart.server.app;

import org.jspecify.annotations.NullMarked;
