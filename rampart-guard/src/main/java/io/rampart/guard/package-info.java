/** The guard engine: detects prompt injection, jailbreaks and risky model output. */
@NullMarked
package io.rampart.guard;

import org.jspecify.annotations.NullMarked;
