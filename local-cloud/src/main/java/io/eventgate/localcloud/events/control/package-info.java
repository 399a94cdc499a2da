/**
 * Helpers shared by local-cloud's EventBridge control-plane operations for connections, API destinations and
 * archives: reading and validating request fields, AWS timestamps, and NextToken paging.
 */
package io.eventgate.localcloud.events.control;
