package org.takedown.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

/**
 * Fires an armed activation or end. A CDI bean, so Quartz gets it with its injections (STACK-NOTES); its data
 * are strings because the JDBC store keeps job data as properties, not serialised Java objects.
 */
@ApplicationScoped
public class OperationTransitionJob implements Job {

    static final String OPERATION_ID = "operationId";
    static final String TRANSITION = "transition";

    @Inject
    OperationService operations;

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        operations.applyScheduled(
                Long.parseLong(data.getString(OPERATION_ID)), Transition.valueOf(data.getString(TRANSITION)));
    }
}
