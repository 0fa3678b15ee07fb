package org.takedown.console;

import io.quarkus.qute.TemplateGlobal;
import org.takedown.operation.OperationStatus;

/** Values every console template may use. */
@TemplateGlobal
public final class ConsoleGlobals {

    static final OperationStatus[] operationStates = OperationStatus.values();

    private ConsoleGlobals() {}
}
