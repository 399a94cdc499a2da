/**
 * The {@code gateway-infra} command line: {@code apply}, {@code plan}, {@code destroy}, {@code outputs},
 * {@code replay}, {@code redrive}. Commands parse options, open a {@link io.eventgate.infra.cli.Session} and print;
 * the work happens in the feature packages.
 */
package io.eventgate.infra.cli;
