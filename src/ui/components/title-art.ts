// The title art: plain ASCII so it reads the same in every terminal and font (59 columns wide).
export const TITLE_ART = String.raw`
       _       _     _       _
  _ __(_) __ _| |__ | |_ ___(_)_______
 | '__| |/ _' | '_ \| __/ __| |_  / _ \
 | |  | | (_| | | | | |_\__ \ |/ /  __/
 |_|  |_|\__, |_| |_|\__|___/_/___\___|
         |___/
`.replace(/^\n/, '');
