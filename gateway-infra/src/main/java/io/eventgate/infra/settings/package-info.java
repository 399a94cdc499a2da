/**
 * The topology as typed, validated settings: the defaults in {@code topology.yaml}, merged with an optional YAML file,
 * a few environment variables and {@code --set path=value} flags, then bound to {@link InfraSettings}.
 *
 * <p>Secrets are not settings: {@link Secrets} reads them from the environment or the outputs file, never from YAML in
 * the repository.
 */
package io.eventgate.infra.settings;
