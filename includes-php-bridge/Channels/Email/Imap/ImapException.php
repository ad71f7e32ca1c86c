<?php
/**
 * IMAP failure.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Imap;

/**
 * Thrown by ImapClient; the message is shown on the mailbox.
 */
final class ImapException extends \RuntimeException {
}
