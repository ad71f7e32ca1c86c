/**
 * WordPress dependencies
 */
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Notice,
	Spinner,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store as coreStore } from '../../store';

export default function OverviewCard() {
	const { overview, error } = useSelect(
		( select ) => ( {
			overview: select( coreStore ).getOverview(),
			error: select( coreStore ).getOverviewError(),
		} ),
		[]
	);
	const { invalidateResolution } = useDispatch( coreStore ) as unknown as {
		invalidateResolution: ( selector: string, args: unknown[] ) => void;
	};

	if ( error ) {
		return (
			<Notice status="error" isDismissible={ false }>
				<p>{ error.message }</p>
				<Button
					variant="secondary"
					onClick={ () => invalidateResolution( 'getOverview', [] ) }
				>
					{ __( 'Retry', 'switchboard' ) }
				</Button>
			</Notice>
		);
	}

	if ( ! overview ) {
		return (
			<div className="switchboard-overview is-loading" aria-busy="true">
				<Spinner />
			</div>
		);
	}

	return (
		<Card className="switchboard-overview">
			<CardHeader>
				<h1 className="switchboard-overview__title">
					{ __( 'Switchboard', 'switchboard' ) }
				</h1>
			</CardHeader>
			<CardBody>
				<p className="switchboard-overview__user">
					{ sprintf(
						/* translators: %s: the agent's display name */
						__( 'Signed in as %s', 'switchboard' ),
						overview.user.display_name
					) }
				</p>
				<p className="switchboard-overview__woocommerce">
					{ overview.woocommerce_active
						? __(
								'WooCommerce is active: order features are on.',
								'switchboard'
						  )
						: __(
								'WooCommerce is not active: order features are hidden.',
								'switchboard'
						  ) }
				</p>
				<p className="switchboard-overview__version">
					{ sprintf(
						/* translators: %s: version number */
						__( 'Version %s', 'switchboard' ),
						overview.plugin_version
					) }
				</p>
			</CardBody>
		</Card>
	);
}
