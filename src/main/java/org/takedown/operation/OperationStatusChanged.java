package org.takedown.operation;

/** Fired inside the transaction that changed the status, so observers (schedules) change with it or not at all. */
public record OperationStatusChanged(long operationId, OperationStatus from, OperationStatus to) {}
