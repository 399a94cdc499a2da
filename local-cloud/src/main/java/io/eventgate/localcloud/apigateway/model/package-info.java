/**
 * The definition of API Gateway REST APIs as the control plane stores them: immutable records, replaced whole on
 * every change, so that a deployment is simply a reference to the API as it was.
 */
package io.eventgate.localcloud.apigateway.model;
