import { ActiveCallCard } from './ActiveCallCard.tsx';
import { DialingCard } from './DialingCard.tsx';
import { IncomingCallCard } from './IncomingCallCard.tsx';
import type { CallCard } from './view-model.ts';
import { WrapUpCard } from './WrapUpCard.tsx';

/** The card for one interaction, by the kind the view model gave it. */
export function CallCardView(props: { card: CallCard }) {
  const { card } = props;
  switch (card.kind) {
    case 'incoming':
      return <IncomingCallCard interaction={card.interaction} />;
    case 'dialing':
      return <DialingCard interaction={card.interaction} />;
    case 'active':
      return <ActiveCallCard interaction={card.interaction} consult={card.consult} />;
    case 'wrapUp':
      return <WrapUpCard interaction={card.interaction} />;
  }
}
