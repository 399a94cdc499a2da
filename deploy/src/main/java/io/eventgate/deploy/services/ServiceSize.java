package io.eventgate.deploy.services;

/**
 * A service's Fargate size and scaling range.
 *
 * @param cpu       CPU units (1024 = one vCPU)
 * @param memoryMiB memory; the JVM takes 75 % of it for its heap (the images set {@code -XX:MaxRAMPercentage=75})
 * @param minTasks  at least two, one per availability zone
 * @param maxTasks  the most tasks autoscaling may run
 * @param cpuTarget the average CPU utilisation (percent) autoscaling holds the service at
 */
public record ServiceSize(int cpu, int memoryMiB, int minTasks, int maxTasks, int cpuTarget) {

    /** Half a vCPU and 1 GiB: a Spring Boot service with virtual threads idles far below that. */
    public static final ServiceSize SMALL = new ServiceSize(512, 1024, 2, 6, 60);
}
