/**
 * The gateway topology as an ordered list of resources: what depends on what, the rules' patterns and targets, the
 * input transformer that produces the carrier's payload, and the queue policies that let exactly those rules in.
 */
package io.eventgate.infra.topology;
