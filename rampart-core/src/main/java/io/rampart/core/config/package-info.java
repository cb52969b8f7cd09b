/** rampart.yaml: configuration records, YAML loading, interpolation and validation. */
@NullMarked
package io.rampart.core.config;

import org.jspecify.annotations.NullMarked;
