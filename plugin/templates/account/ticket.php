<?php
/**
 * One request: public thread, reply, rating.
 *
 * Override by copying to yourtheme/switchboard/account/ticket.php. Keep the field names.
 *
 * @package Switchboard
 *
 * @var string                                  $base     Screens URL.
 * @var array<string, mixed>                    $ticket   GET /me/tickets/<id> shape (public messages only).
 * @var string                                  $token    Guest token ('' when logged in).
 * @var array{label: string, url: string}|null  $order    Linked order.
 * @var string                                  $notice   Notice key.
 * @var array<string, mixed>|null                              $failed   errors/message/values of a failed post.
 * @var string                                  $back_url List URL ('' for guests).
 * @var string                                  $self_url This ticket's URL.
 */

defined( 'ABSPATH' ) || exit;

$switchboard_notices = array(
	'sent'    => __( 'Thanks! We received your message and sent you an e-mail with a link to this page.', 'switchboard' ),
	'created' => __( 'Your request was sent. We will answer here and by e-mail.', 'switchboard' ),
	'replied' => __( 'Your reply was sent.', 'switchboard' ),
	'rated'   => __( 'Thank you for your rating!', 'switchboard' ),
);
$switchboard_errors  = $failed['errors'] ?? array();
$switchboard_values  = $failed['values'] ?? array();
$switchboard_hidden  = static function ( string $action ) use ( $ticket, $token, $base ): void {
	?>
	<input type="hidden" name="<?php echo esc_attr( \Switchboard\Frontend\AccountScreens::ACTION_FIELD ); ?>" value="<?php echo esc_attr( $action ); ?>" />
	<input type="hidden" name="sb_nonce" value="<?php echo esc_attr( wp_create_nonce( \Switchboard\Frontend\AccountScreens::NONCE ) ); ?>" />
	<input type="hidden" name="ticket_id" value="<?php echo esc_attr( (string) $ticket['id'] ); ?>" />
	<input type="hidden" name="token" value="<?php echo esc_attr( $token ); ?>" />
	<input type="hidden" name="sb_base" value="<?php echo esc_url( $base ); ?>" />
	<?php
};
?>
<div class="switchboard-account switchboard-account--ticket" data-ticket="<?php echo esc_attr( (string) $ticket['id'] ); ?>">
	<?php if ( '' !== $back_url ) : ?>
		<p><a href="<?php echo esc_url( $back_url ); ?>"><?php esc_html_e( '← All my requests', 'switchboard' ); ?></a></p>
	<?php endif; ?>
	<?php if ( isset( $switchboard_notices[ $notice ] ) ) : ?>
		<p class="switchboard-form__notice is-success" role="status"><?php echo esc_html( $switchboard_notices[ $notice ] ); ?></p>
	<?php endif; ?>
	<?php if ( $failed ) : ?>
		<p class="switchboard-form__notice is-error" role="alert"><?php echo esc_html( $failed['message'] ); ?></p>
	<?php endif; ?>

	<h3 class="switchboard-account__subject">#<?php echo esc_html( (string) $ticket['id'] ); ?> <?php echo esc_html( (string) $ticket['subject'] ); ?></h3>
	<p class="switchboard-account__meta">
		<span class="switchboard-account__status is-<?php echo esc_attr( (string) $ticket['status'] ); ?>"><?php echo esc_html( (string) $ticket['status_label'] ); ?></span>
		<?php if ( $order ) : ?>
			· <?php if ( '' !== $order['url'] ) : ?>
				<a href="<?php echo esc_url( $order['url'] ); ?>"><?php echo esc_html( $order['label'] ); ?></a>
			<?php else : ?>
				<?php echo esc_html( $order['label'] ); ?>
			<?php endif; ?>
		<?php endif; ?>
		<?php if ( ! empty( $ticket['order_item']['name'] ) ) : ?>
			· <span class="switchboard-account__item">
			<?php
			/* translators: %s: product name */
			echo esc_html( sprintf( __( 'About: %s', 'switchboard' ), (string) $ticket['order_item']['name'] ) );
			?>
			</span>
		<?php endif; ?>
	</p>

	<ol class="switchboard-account__thread">
		<?php foreach ( (array) $ticket['messages'] as $switchboard_message ) : ?>
			<li class="switchboard-account__message is-<?php echo esc_attr( 'customer' === $switchboard_message['author']['type'] ? 'customer' : 'agent' ); ?>" data-message="<?php echo esc_attr( (string) $switchboard_message['id'] ); ?>">
				<p class="switchboard-account__message-meta">
					<strong><?php echo esc_html( (string) $switchboard_message['author']['name'] ); ?></strong>
					· <time datetime="<?php echo esc_attr( (string) $switchboard_message['created_at'] ); ?>"><?php echo esc_html( wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), (int) strtotime( (string) $switchboard_message['created_at'] ) ) ); ?></time>
				</p>
				<div class="switchboard-account__message-body"><?php echo wp_kses( (string) $switchboard_message['body_html'], \Switchboard\Tickets\Html::allowed() ); ?></div>
				<?php if ( ! empty( $switchboard_message['attachments'] ) ) : ?>
					<ul class="switchboard-account__attachments">
						<?php foreach ( $switchboard_message['attachments'] as $switchboard_file ) : ?>
							<li><a href="<?php echo esc_url( (string) $switchboard_file['url'] ); ?>"><?php echo esc_html( (string) $switchboard_file['filename'] ); ?></a> (<?php echo esc_html( size_format( (int) $switchboard_file['size'] ) ); ?>)</li>
						<?php endforeach; ?>
					</ul>
				<?php endif; ?>
			</li>
		<?php endforeach; ?>
	</ol>

	<?php if ( ! empty( $ticket['can_rate'] ) ) : ?>
		<form id="switchboard-rate" class="switchboard-form switchboard-account__rating" method="post" action="<?php echo esc_url( $self_url ); ?>">
			<fieldset>
				<legend><?php esc_html_e( 'How did we do?', 'switchboard' ); ?></legend>
				<?php for ( $switchboard_i = 1; $switchboard_i <= 5; $switchboard_i++ ) : ?>
					<label><input type="radio" name="score" value="<?php echo esc_attr( (string) $switchboard_i ); ?>" required />
					<?php
					/* translators: %d: 1 to 5 */
					echo esc_html( sprintf( _n( '%d star', '%d stars', $switchboard_i, 'switchboard' ), $switchboard_i ) );
					?>
					</label>
				<?php endfor; ?>
			</fieldset>
			<?php if ( isset( $switchboard_errors['score'] ) ) : ?>
				<p class="switchboard-form__error" role="alert"><?php echo esc_html( $switchboard_errors['score'] ); ?></p>
			<?php endif; ?>
			<p class="switchboard-form__field">
				<label for="switchboard-rate-comment"><?php esc_html_e( 'Comment (optional)', 'switchboard' ); ?></label>
				<textarea id="switchboard-rate-comment" name="comment" rows="3" maxlength="2000"><?php echo esc_textarea( (string) ( $switchboard_values['comment'] ?? '' ) ); ?></textarea>
			</p>
			<?php $switchboard_hidden( 'rate' ); ?>
			<p><button type="submit" class="wp-element-button button"><?php esc_html_e( 'Send rating', 'switchboard' ); ?></button></p>
		</form>
	<?php elseif ( ! empty( $ticket['rating'] ) ) : ?>
		<p class="switchboard-account__rated">
			<?php
			/* translators: %d: 1 to 5 */
			echo esc_html( sprintf( __( 'You rated this request %d out of 5.', 'switchboard' ), (int) $ticket['rating']['score'] ) );
			?>
		</p>
	<?php endif; ?>

	<?php if ( 'closed' !== $ticket['status'] ) : ?>
		<form class="switchboard-form switchboard-account__reply" method="post" enctype="multipart/form-data" action="<?php echo esc_url( $self_url ); ?>">
			<p class="switchboard-form__field<?php echo isset( $switchboard_errors['body'] ) ? ' is-invalid' : ''; ?>">
				<label for="switchboard-reply-body"><?php esc_html_e( 'Your reply', 'switchboard' ); ?></label>
				<textarea id="switchboard-reply-body" name="body" rows="5" required><?php echo esc_textarea( (string) ( $switchboard_values['body'] ?? '' ) ); ?></textarea>
				<?php if ( isset( $switchboard_errors['body'] ) ) : ?>
					<span class="switchboard-form__error" role="alert"><?php echo esc_html( $switchboard_errors['body'] ); ?></span>
				<?php endif; ?>
			</p>
			<p class="switchboard-form__field<?php echo isset( $switchboard_errors['attachments'] ) ? ' is-invalid' : ''; ?>">
				<label for="switchboard-reply-files"><?php esc_html_e( 'Attachments (optional)', 'switchboard' ); ?></label>
				<input type="file" id="switchboard-reply-files" name="attachments[]" multiple />
				<?php if ( isset( $switchboard_errors['attachments'] ) ) : ?>
					<span class="switchboard-form__error" role="alert"><?php echo esc_html( $switchboard_errors['attachments'] ); ?></span>
				<?php endif; ?>
			</p>
			<?php $switchboard_hidden( 'reply' ); ?>
			<p><button type="submit" class="wp-element-button button"><?php esc_html_e( 'Send reply', 'switchboard' ); ?></button></p>
		</form>
	<?php else : ?>
		<p><?php esc_html_e( 'This request is closed. Open a new one if you need more help.', 'switchboard' ); ?></p>
	<?php endif; ?>
</div>
