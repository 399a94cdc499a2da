/**
 * The provisioning engine, independent of any AWS SDK: {@link io.eventgate.infra.provision.Resource}s in dependency
 * order, each comparing the live state with the desired one and returning a
 * {@link io.eventgate.infra.provision.Change}; the {@link io.eventgate.infra.provision.Provisioner} plans, applies or
 * destroys them one by one, passing ids and ARNs on through {@link io.eventgate.infra.provision.Facts}, and reports
 * each resource's outcome.
 */
package io.eventgate.infra.provision;
