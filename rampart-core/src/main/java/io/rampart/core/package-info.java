/** Rampart's shared domain types: exceptions, secrets. */
@NullMarked
package io.rampart.core;

import org.jspecify.annotations.NullMarked;
