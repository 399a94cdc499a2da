/**
 * The services stack: network, cluster, the public HTTPS endpoint, each Spring Boot service on Fargate with its exact
 * permissions, health checks, graceful shutdown and autoscaling, and their alarms.
 */
package io.eventgate.deploy.services;
