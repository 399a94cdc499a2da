/**
 * What a target receives: the whole event, a constant {@code Input}, the part an {@code InputPath} selects, or the
 * text an {@code InputTransformer} renders — with EventBridge's JSONPath subset and placeholder quoting rules.
 */
package io.eventgate.localcloud.events.input;
