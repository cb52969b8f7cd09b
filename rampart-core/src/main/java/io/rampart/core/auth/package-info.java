/** API tokens, roles and permissions for Rampart's own HTTP API. */
@NullMarked
package io.rampart.core.auth;

import org.jspecify.annotations.NullMarked;
