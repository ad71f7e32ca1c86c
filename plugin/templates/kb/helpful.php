<?php
/**
 * "Was this helpful?" under an article.
 *
 * Override by copying to yourtheme/switchboard/kb/helpful.php.
 *
 * @package Switchboard
 *
 * @var int                         $post_id Article.
 * @var array{up: int, down: int}   $counts  Votes.
 * @var int                         $views   Views.
 */

defined( 'ABSPATH' ) || exit;

$switchboard_label = 'switchboard-helpful-' . $post_id;
?>
<section class="switchboard-kb-helpful" data-switchboard-helpful data-article="<?php echo esc_attr( (string) $post_id ); ?>" aria-labelledby="<?php echo esc_attr( $switchboard_label ); ?>">
	<p id="<?php echo esc_attr( $switchboard_label ); ?>" class="switchboard-kb-helpful__question"><?php esc_html_e( 'Was this article helpful?', 'switchboard' ); ?></p>
	<div class="switchboard-kb-helpful__buttons" role="group" aria-labelledby="<?php echo esc_attr( $switchboard_label ); ?>">
		<button type="button" class="wp-element-button switchboard-kb-helpful__button" data-vote="up" aria-pressed="false"><?php esc_html_e( 'Yes', 'switchboard' ); ?></button>
		<button type="button" class="wp-element-button switchboard-kb-helpful__button" data-vote="down" aria-pressed="false"><?php esc_html_e( 'No', 'switchboard' ); ?></button>
	</div>
	<p class="switchboard-kb-helpful__status" role="status" aria-live="polite"></p>
	<p class="switchboard-kb-helpful__stats">
		<?php
		echo esc_html(
			sprintf(
				/* translators: 1: number of people, 2: number of views */
				_n( '%1$d person found this helpful · viewed %2$d times', '%1$d people found this helpful · viewed %2$d times', $counts['up'], 'switchboard' ),
				$counts['up'],
				$views
			)
		);
		?>
	</p>
</section>
