/**
 * The reply box: Reply (goes out on the ticket's channel) or private Note, @mentions of agents in
 * notes, attachments, canned responses with filled placeholders, Ctrl/Cmd+Enter to send.
 */

/**
 * WordPress dependencies
 */
import { Button, Spinner } from '@wordpress/components';
import {
	forwardRef,
	useImperativeHandle,
	useRef,
	useState,
} from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Agent, CannedResponse } from '../../../shared/types';
import { renderCannedResponse } from '../../../shared/api/canned-responses';
import { toApiError } from '../../../shared/api/errors';
import { channelLabel } from '../../labels';
import { textToHtml } from '../../utils/text';
import { isSendShortcut } from '../../hooks/use-shortcuts';
import CannedResponsePicker from '../canned-response-picker';
import KbArticlePicker, { articleLink } from '../kb-article-picker';
import AttachedFiles from './attached-files';
import { MentionList, useMentions } from './mentions';
import { useUploads } from './use-uploads';
import './style.scss';

export type ComposerMode = 'reply' | 'note';

export interface ComposerHandle {
	focus: ( mode?: ComposerMode ) => void;
}

interface Props {
	ticketId: number;
	channel: string;
	agents: Agent[];
	onSend: ( data: {
		body: string;
		isPrivate: boolean;
		attachments: number[];
	} ) => Promise< void >;
	onTyping?: ( typing: boolean ) => void;
	onError: ( message: string ) => void;
}

const Composer = forwardRef< ComposerHandle, Props >( function Composer(
	{ ticketId, channel, agents, onSend, onTyping, onError },
	ref
) {
	const [ mode, setMode ] = useState< ComposerMode >( 'reply' );
	const [ text, setText ] = useState( '' );
	const [ sending, setSending ] = useState( false );
	const [ inserting, setInserting ] = useState( false );
	const textareaRef = useRef< HTMLTextAreaElement >( null );
	const { files, setFiles, uploading, upload, fileRef } =
		useUploads( onError );

	useImperativeHandle( ref, () => ( {
		focus: ( nextMode?: ComposerMode ) => {
			if ( nextMode ) {
				setMode( nextMode );
			}
			textareaRef.current?.focus();
		},
	} ) );

	const isNote = mode === 'note';
	const mentions = useMentions( {
		agents,
		enabled: isNote,
		text,
		setText,
		textareaRef,
	} );
	const { suggestions, index: mentionIndex } = mentions;

	const updateText = ( value: string, caret: number ) => {
		setText( value );
		mentions.track( value, caret );
		onTyping?.( value.trim() !== '' );
	};

	const insertText = ( snippet: string ) => {
		const area = textareaRef.current;
		const start = area?.selectionStart ?? text.length;
		const end = area?.selectionEnd ?? text.length;
		const next = text.slice( 0, start ) + snippet + text.slice( end );
		setText( next );
		onTyping?.( true );
		window.requestAnimationFrame( () => {
			area?.focus();
			area?.setSelectionRange(
				start + snippet.length,
				start + snippet.length
			);
		} );
	};

	const pickCanned = async ( item: CannedResponse ) => {
		setInserting( true );
		try {
			const rendered = await renderCannedResponse( item.id, ticketId );
			insertText( rendered.body );
		} catch ( error ) {
			onError( toApiError( error ).message );
		} finally {
			setInserting( false );
		}
	};

	const canSend = text.trim() !== '' && ! sending && uploading === 0;

	const send = async () => {
		if ( ! canSend ) {
			return;
		}
		setSending( true );
		try {
			await onSend( {
				body: textToHtml( text ),
				isPrivate: isNote,
				attachments: files.map( ( file ) => file.id ),
			} );
			setText( '' );
			setFiles( [] );
			onTyping?.( false );
		} catch ( error ) {
			onError( toApiError( error ).message );
		} finally {
			setSending( false );
		}
	};

	const label = isNote
		? __(
				'Private note (only agents see it; @name mentions a colleague)',
				'switchboard'
		  )
		: sprintf(
				/* translators: %s: channel name, e.g. Email */
				__( 'Reply to the customer (sent via %s)', 'switchboard' ),
				channelLabel( channel )
		  );

	return (
		<div className={ `switchboard-composer${ isNote ? ' is-note' : '' }` }>
			<div
				className="switchboard-composer__modes"
				role="group"
				aria-label={ __( 'Message type', 'switchboard' ) }
			>
				<Button
					variant={ isNote ? 'tertiary' : 'primary' }
					size="compact"
					aria-pressed={ ! isNote }
					aria-keyshortcuts="r"
					onClick={ () => {
						setMode( 'reply' );
						textareaRef.current?.focus();
					} }
				>
					{ __( 'Reply', 'switchboard' ) }
				</Button>
				<Button
					variant={ isNote ? 'primary' : 'tertiary' }
					size="compact"
					aria-pressed={ isNote }
					aria-keyshortcuts="n"
					onClick={ () => {
						setMode( 'note' );
						textareaRef.current?.focus();
					} }
				>
					{ __( 'Note', 'switchboard' ) }
				</Button>
			</div>
			<label
				className="screen-reader-text"
				htmlFor={ `switchboard-composer-${ ticketId }` }
			>
				{ label }
			</label>
			<div className="switchboard-composer__field">
				<textarea
					id={ `switchboard-composer-${ ticketId }` }
					ref={ textareaRef }
					className="switchboard-composer__textarea"
					rows={ 6 }
					placeholder={ label }
					value={ text }
					aria-keyshortcuts="Control+Enter Meta+Enter"
					aria-autocomplete={ isNote ? 'list' : undefined }
					aria-controls={
						suggestions.length ? 'switchboard-mentions' : undefined
					}
					aria-activedescendant={
						suggestions.length
							? `switchboard-mention-${ suggestions[ mentionIndex ]?.id }`
							: undefined
					}
					onChange={ ( event ) =>
						updateText(
							event.target.value,
							event.target.selectionStart
						)
					}
					onKeyDown={ ( event ) => {
						if ( isSendShortcut( event ) ) {
							event.preventDefault();
							send();
							return;
						}
						mentions.onKeyDown( event );
					} }
				/>
				<MentionList
					suggestions={ suggestions }
					index={ mentionIndex }
					onPick={ mentions.insert }
				/>
			</div>
			<AttachedFiles
				files={ files }
				onRemove={ ( id ) =>
					setFiles( ( current ) =>
						current.filter( ( f ) => f.id !== id )
					)
				}
			/>
			<div className="switchboard-composer__actions">
				<CannedResponsePicker
					onPick={ pickCanned }
					disabled={ inserting }
				/>
				<KbArticlePicker
					onPick={ ( article ) =>
						insertText( articleLink( article ) )
					}
				/>
				<input
					ref={ fileRef }
					type="file"
					multiple
					className="screen-reader-text"
					id={ `switchboard-attach-${ ticketId }` }
					onChange={ ( event ) => upload( event.target.files ) }
				/>
				<Button
					variant="secondary"
					onClick={ () => fileRef.current?.click() }
				>
					{ __( 'Attach files', 'switchboard' ) }
				</Button>
				{ ( uploading > 0 || inserting ) && <Spinner /> }
				<span className="switchboard-composer__hint">
					{ __( 'Ctrl/⌘ + Enter to send', 'switchboard' ) }
				</span>
				<Button
					variant="primary"
					onClick={ send }
					disabled={ ! canSend }
					isBusy={ sending }
					className="switchboard-composer__send"
				>
					{ isNote
						? __( 'Add note', 'switchboard' )
						: __( 'Send reply', 'switchboard' ) }
				</Button>
			</div>
		</div>
	);
} );

export default Composer;
