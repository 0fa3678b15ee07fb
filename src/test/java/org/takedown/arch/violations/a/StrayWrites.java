package org.takedown.arch.violations.a;

import jakarta.persistence.LockModeType;
import java.util.List;
import org.takedown.arch.violations.b.Other;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationStatus;
import org.takedown.security.UserAccount;

/** Breaks every rule of {@code ArchitectureTest} on purpose; never run. */
public class StrayWrites {

    Other other;

    void approveBehindTheServicesBack(Operation operation) {
        operation.status = OperationStatus.APPROVED;
    }

    Operation lockItHere(long id) {
        return Operation.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    List<UserAccount> queryUsersHere() {
        return UserAccount.listAll();
    }
}
