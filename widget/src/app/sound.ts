/**
 * A short, quiet beep for a message that arrives while the chat is closed. Browsers let a page
 * play sound only after the visitor has interacted with it, so the audio context is created (or
 * resumed) on the visitor's first click or key press in the widget; until then beep() is silent.
 */
let audio: AudioContext | undefined;

export function unlockAudio(): void {
  try {
    audio = audio || new AudioContext();
    void audio.resume();
  } catch {
    // no Web Audio: no sound
  }
}

export function beep(): void {
  if (!audio) return;
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  const now = audio.currentTime;
  oscillator.frequency.value = 880;
  gain.gain.setValueAtTime(0.08, now);
  gain.gain.exponentialRampToValueAtTime(0.001, now + 0.2);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start();
  oscillator.stop(now + 0.2);
}
