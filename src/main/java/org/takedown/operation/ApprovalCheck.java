package org.takedown.operation;

import java.util.List;
import org.takedown.common.Problem;

/**
 * A capability's last word before an approval: what would stop its part of the operation from working as approved
 * (for example a notice Telegram would refuse). Any problem blocks the approval with a 422 listing them all.
 */
public interface ApprovalCheck {

    List<Problem.FieldError> problems(Operation operation);
}
