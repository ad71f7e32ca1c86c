/**
 * Editor side of Switchboard's blocks (FAQ, Help Center search, contact form, account screens).
 * Every block is dynamic: the editor shows the server's rendering (ServerSideRender; the account
 * screens, which depend on who looks, show a description) and edits attributes in the sidebar;
 * the PHP render callbacks are the same code as the shortcodes.
 *
 * The blocks, block-editor and server-side-render packages are read from the `wp` global (they
 * are always loaded in the editor); Assets.php adds them as script dependencies.
 */

/**
 * WordPress dependencies
 */
import {
	PanelBody,
	SelectControl,
	TextControl,
	ToggleControl,
	RangeControl,
} from '@wordpress/components';
import type { ComponentType, ReactNode } from 'react';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import faqMetadata from './faq/block.json';
import kbSearchMetadata from './kb-search/block.json';
import contactMetadata from './contact/block.json';
import accountMetadata from './account/block.json';

type Attributes = Record< string, unknown >;

interface EditProps< A extends Attributes > {
	attributes: A;
	setAttributes: ( next: Partial< A > ) => void;
}

interface WpGlobals {
	blocks: {
		registerBlockType: (
			metadata: object,
			settings: {
				edit: ComponentType< EditProps< Attributes > >;
				save: () => null;
			}
		) => unknown;
		getBlockType: ( name: string ) => unknown;
	};
	blockEditor: {
		InspectorControls: ComponentType< { children?: ReactNode } >;
		useBlockProps: ( props?: object ) => Record< string, unknown >;
	};
	serverSideRender: ComponentType< {
		block: string;
		attributes: Attributes;
	} >;
}

const wp = ( window as unknown as { wp: WpGlobals } ).wp;

interface FaqAttributes extends Attributes {
	category: string;
	style: 'accordion' | 'list';
	search: boolean;
	limit: number;
	schema: boolean;
	title: string;
}

function Preview( props: { block: string; attributes: Attributes } ) {
	const blockProps = wp.blockEditor.useBlockProps();
	const ServerSideRender = wp.serverSideRender;
	return (
		<div { ...blockProps }>
			<ServerSideRender
				block={ props.block }
				attributes={ props.attributes }
			/>
		</div>
	);
}

function FaqEdit( { attributes, setAttributes }: EditProps< FaqAttributes > ) {
	const { InspectorControls } = wp.blockEditor;
	return (
		<>
			<InspectorControls>
				<PanelBody title={ __( 'FAQ settings', 'switchboard' ) }>
					<TextControl
						label={ __( 'Help category (slug)', 'switchboard' ) }
						help={ __(
							'Articles of this help category become the questions. Comma-separate several; leave empty for all.',
							'switchboard'
						) }
						value={ attributes.category }
						onChange={ ( category ) =>
							setAttributes( { category } )
						}
					/>
					<TextControl
						label={ __( 'Heading', 'switchboard' ) }
						value={ attributes.title }
						onChange={ ( title ) => setAttributes( { title } ) }
					/>
					<SelectControl
						label={ __( 'Style', 'switchboard' ) }
						value={ attributes.style }
						options={ [
							{
								label: __( 'Accordion', 'switchboard' ),
								value: 'accordion',
							},
							{
								label: __( 'List', 'switchboard' ),
								value: 'list',
							},
						] }
						onChange={ ( style: 'accordion' | 'list' ) =>
							setAttributes( { style } )
						}
					/>
					<ToggleControl
						label={ __( 'Show a search box', 'switchboard' ) }
						checked={ attributes.search }
						onChange={ ( search ) => setAttributes( { search } ) }
					/>
					<ToggleControl
						label={ __( 'Add FAQ structured data', 'switchboard' ) }
						checked={ attributes.schema }
						onChange={ ( schema ) => setAttributes( { schema } ) }
					/>
					<RangeControl
						label={ __( 'Maximum questions', 'switchboard' ) }
						value={ attributes.limit }
						min={ 1 }
						max={ 200 }
						onChange={ ( limit ) =>
							setAttributes( { limit: limit ?? 50 } )
						}
					/>
				</PanelBody>
			</InspectorControls>
			<Preview block="switchboard/faq" attributes={ attributes } />
		</>
	);
}

function KbSearchEdit( {
	attributes,
	setAttributes,
}: EditProps< { showCategories: boolean } > ) {
	const { InspectorControls } = wp.blockEditor;
	return (
		<>
			<InspectorControls>
				<PanelBody title={ __( 'Search settings', 'switchboard' ) }>
					<ToggleControl
						label={ __(
							'List the help categories',
							'switchboard'
						) }
						checked={ attributes.showCategories }
						onChange={ ( showCategories ) =>
							setAttributes( { showCategories } )
						}
					/>
				</PanelBody>
			</InspectorControls>
			<Preview block="switchboard/kb-search" attributes={ attributes } />
		</>
	);
}

function ContactEdit( {
	attributes,
	setAttributes,
}: EditProps< { attachments: boolean; orderField: boolean } > ) {
	const { InspectorControls } = wp.blockEditor;
	return (
		<>
			<InspectorControls>
				<PanelBody title={ __( 'Form settings', 'switchboard' ) }>
					<ToggleControl
						label={ __( 'Allow attachments', 'switchboard' ) }
						checked={ attributes.attachments }
						onChange={ ( attachments ) =>
							setAttributes( { attachments } )
						}
					/>
					<ToggleControl
						label={ __( 'Ask for an order number', 'switchboard' ) }
						checked={ attributes.orderField }
						onChange={ ( orderField ) =>
							setAttributes( { orderField } )
						}
					/>
				</PanelBody>
			</InspectorControls>
			<Preview block="switchboard/contact" attributes={ attributes } />
		</>
	);
}

function AccountEdit() {
	const blockProps = wp.blockEditor.useBlockProps( {
		className: 'switchboard-account-block is-placeholder',
	} );
	// The screens depend on who looks (and on the URL), so the editor shows what they are.
	return (
		<div { ...blockProps }>
			<p>
				<strong>
					{ __( 'Customer support requests', 'switchboard' ) }
				</strong>
			</p>
			<p>
				{ __(
					'Logged-in customers see their requests here, open one to read and reply, rate solved ones and start a new request. Guests holding a signed link from an email see that request.',
					'switchboard'
				) }
			</p>
		</div>
	);
}

const blocks: Array< [ { name: string }, ComponentType< any > ] > = [
	[ faqMetadata, FaqEdit ],
	[ kbSearchMetadata, KbSearchEdit ],
	[ contactMetadata, ContactEdit ],
	[ accountMetadata, AccountEdit ],
];

for ( const [ metadata, edit ] of blocks ) {
	if ( wp?.blocks && ! wp.blocks.getBlockType( metadata.name ) ) {
		wp.blocks.registerBlockType( metadata, { edit, save: () => null } );
	}
}
