<?php
/**
 * A message instead of a support screen (ticket not found, link expired).
 *
 * @package Switchboard
 *
 * @var string $type    error|success.
 * @var string $message Message.
 * @var string $back    Link back to the list ('' for none).
 */

defined( 'ABSPATH' ) || exit;
?>
<div class="switchboard-account">
	<p class="switchboard-form__notice is-<?php echo esc_attr( $type ); ?>" role="alert"><?php echo esc_html( $message ); ?></p>
	<?php if ( '' !== $back ) : ?>
		<p><a href="<?php echo esc_url( $back ); ?>"><?php esc_html_e( '← All my requests', 'switchboard' ); ?></a></p>
	<?php endif; ?>
</div>
