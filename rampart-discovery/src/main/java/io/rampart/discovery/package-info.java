/**
 * AI asset discovery: reads cloud exports, Terraform, Kubernetes manifests and code repositories
 * into one {@link io.rampart.discovery.Inventory} of assets and relationships.
 */
@NullMarked
package io.rampart.discovery;

import org.jspecify.annotations.NullMarked;
