/**
 * The stored AI asset inventory and posture assessment runs: assets with first/last seen and a
 * missing flag, their relationships, and the findings of each run with new/open/resolved status
 * computed against the previous run of the same scope. Plain records, so that core does not
 * depend on the discovery and posture engines that produce them.
 */
package io.rampart.core.inventory;
