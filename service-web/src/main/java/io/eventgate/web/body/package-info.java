/**
 * Request bodies: {@link io.eventgate.web.body.RequestBodyFilter} caps their size and, for JSON, refuses anything
 * but strict UTF-8 — while they are read, so the failure surfaces where the body is parsed and each service's one
 * problem-details handler answers it (413, 400 or 415).
 */
package io.eventgate.web.body;
