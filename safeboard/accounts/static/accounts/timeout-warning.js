// The GOV.UK "timeout warning": shortly before SafeBoard signs out a user who has done nothing,
// a modal dialog says when, and offers to keep them signed in. The timings come from the
// dialog's data- attributes (accounts/timeout_warning.html); the server decides, this only warns.

const MINUTE = 60
// Screen readers hear the time left in steps this long in the last minute, not every second.
const ANNOUNCEMENT_STEP = 15

function plural (count, unit) {
  return `${count} ${unit}${count === 1 ? '' : 's'}`
}

function timeLeft (seconds) {
  if (seconds > MINUTE) return plural(Math.ceil(seconds / MINUTE), 'minute')
  if (seconds === MINUTE) return plural(1, 'minute')
  return plural(seconds, 'second')
}

function announcedTimeLeft (seconds) {
  if (seconds >= MINUTE) return timeLeft(seconds)
  return timeLeft(Math.max(ANNOUNCEMENT_STEP, Math.ceil(seconds / ANNOUNCEMENT_STEP) * ANNOUNCEMENT_STEP))
}

class TimeoutWarning {
  constructor (dialog) {
    this.dialog = dialog
    this.warningSeconds = Number(dialog.dataset.warningSeconds)
    this.statusUrl = dialog.dataset.statusUrl
    this.timeoutUrl = dialog.dataset.timeoutUrl
    this.form = dialog.querySelector('form')
    this.countdown = dialog.querySelector('[data-countdown]')
    this.announcement = dialog.querySelector('[data-announcement]')
    this.form.addEventListener('submit', (event) => this.onSubmit(event))
    // Escape keeps the user signed in, as the pattern asks, rather than leaving the clock running.
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault()
      this.staySignedIn()
    })
    this.schedule(Number(dialog.dataset.secondsLeft))
  }

  schedule (secondsLeft) {
    window.clearTimeout(this.timer)
    this.deadline = Date.now() + secondsLeft * 1000
    const untilWarning = Math.max(0, secondsLeft - this.warningSeconds)
    this.timer = window.setTimeout(() => this.check(), untilWarning * 1000)
  }

  // Ask the server how long is left: the user may have been busy in another tab.
  async check () {
    this.stopCountdown()
    let secondsLeft = 0
    try {
      const response = await window.fetch(this.statusUrl, {
        credentials: 'same-origin',
        redirect: 'manual',
        headers: { Accept: 'application/json' }
      })
      if (response.ok) secondsLeft = (await response.json()).seconds_left
    } catch {
      secondsLeft = this.secondsToDeadline()
    }
    if (secondsLeft <= 0) {
      this.signedOut()
    } else if (secondsLeft > this.warningSeconds) {
      this.close()
      this.schedule(secondsLeft)
    } else {
      this.open(secondsLeft)
    }
  }

  open (secondsLeft) {
    this.deadline = Date.now() + secondsLeft * 1000
    this.announcement.textContent = ''
    this.tick()
    if (!this.dialog.open) {
      this.returnFocusTo = document.activeElement
      this.dialog.showModal()
      this.dialog.focus()
    }
    this.interval = window.setInterval(() => this.tick(), 1000)
  }

  tick () {
    const seconds = this.secondsToDeadline()
    if (seconds <= 0) {
      this.check()
      return
    }
    this.countdown.textContent = timeLeft(seconds)
    const announcement = `For your security, we will sign you out in ${announcedTimeLeft(seconds)}.`
    if (this.announcement.textContent !== announcement) this.announcement.textContent = announcement
  }

  secondsToDeadline () {
    return Math.max(0, Math.ceil((this.deadline - Date.now()) / 1000))
  }

  stopCountdown () {
    window.clearInterval(this.interval)
  }

  close () {
    this.stopCountdown()
    if (!this.dialog.open) return
    this.dialog.close()
    if (this.returnFocusTo && this.returnFocusTo.isConnected) this.returnFocusTo.focus()
  }

  onSubmit (event) {
    // "Sign out" posts its form as usual; "Stay signed in" asks without leaving the page.
    if (event.submitter && !event.submitter.hasAttribute('data-stay-signed-in')) return
    event.preventDefault()
    this.staySignedIn()
  }

  async staySignedIn () {
    let kept = false
    try {
      const response = await window.fetch(this.form.action, {
        method: 'POST',
        body: new FormData(this.form),
        credentials: 'same-origin',
        redirect: 'manual'
      })
      kept = response.status === 204
    } catch {
      kept = false
    }
    if (kept) {
      this.check()
    } else {
      this.signedOut()
    }
  }

  // The server has signed the user out (or will at this request): the page it answers with
  // is the sign-in page saying why.
  signedOut () {
    this.stopCountdown()
    window.location.assign(this.timeoutUrl)
  }
}

const dialog = document.getElementById('timeout-warning')
if (dialog && typeof dialog.showModal === 'function') {
  new TimeoutWarning(dialog) // eslint-disable-line no-new
}
