/** The alarm topic and the one way alarms are made: what they measure, when they fire, whom they notify. */
package io.eventgate.deploy.alarms;
