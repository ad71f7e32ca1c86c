<?php
/**
 * "We received your message" for a contact-form request of a signed-in customer.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Mail;

/**
 * The confirmation a signed-in customer gets for her contact-form request: her name, the signed
 * link to read and answer it without an account (filter `switchboard_contact_confirmation_mail`).
 * An address a guest typed gets AddressConfirmationMail instead.
 */
final class ContactConfirmationMail extends Notice {

	public const ID = 'contact_confirmation';

	/**
	 * The confirmation, or null when a filter said none.
	 *
	 * @param array<string, mixed>  $ticket Ticket row.
	 * @param array<string, string> $fields The form's fields (name, email, subject).
	 * @param string                $link   Signed link.
	 */
	public static function for_submission( array $ticket, array $fields, string $link ): ?self {
		$subject = sprintf(
			/* translators: %s: ticket subject */
			__( 'We received your message: %s', 'switchboard' ),
			$fields['subject']
		);
		$body = sprintf(
			/* translators: 1: customer name, 2: link, 3: site name */
			__( "Hi %1\$s,\n\nThanks for contacting us. We received your message and will answer as soon as we can.\n\nYou can read the conversation and reply here, without an account:\n%2\$s\n\n— %3\$s", 'switchboard' ),
			$fields['name'],
			$link,
			self::site_name()
		);

		/**
		 * Filters the contact form's confirmation e-mail (return an empty 'to' to send none).
		 *
		 * @since 0.1.0
		 *
		 * @param array{to: string, subject: string, body: string} $mail   The e-mail.
		 * @param array<string, mixed>                            $ticket Ticket row.
		 * @param string                                          $link   Signed link.
		 */
		$mail = apply_filters(
			'switchboard_contact_confirmation_mail',
			array(
				'to'      => $fields['email'],
				'subject' => $subject,
				'body'    => $body,
			),
			$ticket,
			$link
		);
		if ( empty( $mail['to'] ) ) {
			return null;
		}
		return new self(
			$ticket,
			array(
				'to'      => (string) $mail['to'],
				'subject' => (string) $mail['subject'],
				'text'    => (string) $mail['body'],
			)
		);
	}
}
