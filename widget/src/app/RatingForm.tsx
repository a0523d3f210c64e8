import type { View } from './view';

/** The satisfaction survey after the agent resolved the conversation: 1–5 and a comment. */
export function RatingForm({ chat, t, ui, set }: View) {
  return (
    <form
      class="form"
      data-testid="rating-form"
      onSubmit={(event) => {
        event.preventDefault();
        chat.rate(ui.score, ui.comment);
      }}
    >
      <fieldset>
        <legend>{t.rating_prompt}</legend>
        {[1, 2, 3, 4, 5].map((score) => (
          <label key={score} class="score" data-testid={'rating-' + score}>
            <input type="radio" name="score" checked={ui.score === score} onChange={() => set({ score })} />
            <span>{score}</span>
          </label>
        ))}
      </fieldset>
      <label>
        {t.comment}
        <textarea data-testid="rating-comment" maxLength={2000} value={ui.comment} onInput={(event) => set({ comment: event.currentTarget.value })} />
      </label>
      <button class="button" data-testid="rating-submit" disabled={!ui.score || chat.state.busy}>
        {t.send}
      </button>
    </form>
  );
}
