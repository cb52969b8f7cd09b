/** The security event log: event types, queries, storage and export formats. */
@NullMarked
package io.rampart.core.event;

import org.jspecify.annotations.NullMarked;
