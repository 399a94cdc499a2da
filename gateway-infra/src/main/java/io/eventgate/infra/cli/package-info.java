/**
 * The {@code gateway-infra} command line: {@code apply}, {@code plan}, {@code destroy}, {@code outputs},
 * {@code replay}, {@code redrive} and {@code trace}. Commands parse options, open a
 * {@link io.eventgate.infra.cli.Session} on the target (through {@link io.eventgate.infra.cli.SessionCommand}) and
 * print; the work happens in the feature packages.
 */
package io.eventgate.infra.cli;
