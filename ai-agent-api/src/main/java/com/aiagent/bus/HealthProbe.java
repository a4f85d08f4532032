package com.aiagent.bus;

/** The request record sent to every {@code <module>.health} address. */
public record HealthProbe() {}
