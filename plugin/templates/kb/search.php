<?php
/**
 * Help center search box (block `switchboard/kb-search`, shortcode `[switchboard_kb_search]`).
 *
 * Override by copying to yourtheme/switchboard/kb/search.php.
 *
 * @package Switchboard
 *
 * @var string    $id         Unique element id.
 * @var string    $action     Form action (home URL).
 * @var string    $query      Current search.
 * @var string    $post_type  Article post type.
 * @var \WP_Term[] $categories Top-level categories to list (may be empty).
 */

defined( 'ABSPATH' ) || exit;
?>
<div class="switchboard-kb-search" data-switchboard-kb-search>
	<form role="search" method="get" class="switchboard-kb-search__form" action="<?php echo esc_url( $action ); ?>">
		<label class="switchboard-kb-search__label" for="<?php echo esc_attr( $id ); ?>"><?php esc_html_e( 'Search the help center', 'switchboard' ); ?></label>
		<div class="switchboard-kb-search__row">
			<input type="search" id="<?php echo esc_attr( $id ); ?>" class="switchboard-kb-search__input" name="s" value="<?php echo esc_attr( $query ); ?>" placeholder="<?php esc_attr_e( 'How can we help?', 'switchboard' ); ?>" autocomplete="off" aria-describedby="<?php echo esc_attr( $id ); ?>-results" />
			<input type="hidden" name="post_type" value="<?php echo esc_attr( $post_type ); ?>" />
			<button type="submit" class="switchboard-kb-search__submit wp-element-button"><?php esc_html_e( 'Search', 'switchboard' ); ?></button>
		</div>
	</form>
	<div id="<?php echo esc_attr( $id ); ?>-results" class="switchboard-kb-search__results" aria-live="polite" hidden></div>
	<?php if ( $categories ) : ?>
		<nav class="switchboard-kb-search__categories" aria-label="<?php esc_attr_e( 'Help categories', 'switchboard' ); ?>">
			<ul>
				<?php foreach ( $categories as $switchboard_category ) : ?>
					<li>
						<a href="<?php echo esc_url( (string) get_term_link( $switchboard_category ) ); ?>"><?php echo esc_html( $switchboard_category->name ); ?></a>
						<?php if ( '' !== $switchboard_category->description ) : ?>
							<span class="switchboard-kb-search__category-description"><?php echo esc_html( wp_strip_all_tags( $switchboard_category->description ) ); ?></span>
						<?php endif; ?>
					</li>
				<?php endforeach; ?>
			</ul>
		</nav>
	<?php endif; ?>
</div>
